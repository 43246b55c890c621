#!/usr/bin/env perl
# For scale beside the JMH figure: emails/s of the Perl analyzer Sisimai over the same corpus, held in
# memory, one thread. Needs Debian's libsisimai-perl (apt-get install libsisimai-perl).
#   perl scripts/sisimai-rate.pl ../shared/corpus/sisimai
use strict;
use warnings;
use Sisimai;
use Time::HiRes qw(time);
use File::Find;

die "usage: $0 CORPUS_DIR\n" unless @ARGV == 1 && -d $ARGV[0];
my @files; find(sub { push @files, $File::Find::name if /\.eml$/ }, $ARGV[0]);
my @mails = map { local $/; open my $f, '<:raw', $_ or die; my $d = <$f>; \$d } sort @files;
for my $round (1..10) {
  my ($n, $recs) = (0, 0); my $t0 = time;
  for my $m (@mails) { my $v = Sisimai->make($m, 'delivered' => 1); $recs += scalar(@$v) if $v; $n++ }
  my $dt = time - $t0;
  printf "round %d: %d emails in %.2f s = %.0f emails/s (%d records)\n", $round, $n, $dt, $n/$dt, $recs;
}
