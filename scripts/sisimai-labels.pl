#!/usr/bin/env perl
# Labels a folder of bounce mails with Sisimai's reading, as a manifest.tsv in the layout of
# ../shared/corpus/sisimai, so `java -jar target/bounce-sweeper.jar evaluate DIR` can score this parser
# against Sisimai on mail neither was tuned on. Needs Debian's libsisimai-perl (Sisimai 4.x: its
# "softbounce" is turned into the manifest's hardbounce). Files Sisimai finds nothing in are left out
# (it has no opinion on them) and listed on stderr.
#   perl scripts/sisimai-labels.pl DIR > DIR/manifest.tsv
use strict;
use warnings;
use Sisimai;
use File::Find;

die "usage: $0 DIR > DIR/manifest.tsv\n" unless @ARGV == 1 && -d $ARGV[0];
my $root = $ARGV[0];
$root =~ s{/+\z}{};
my @files;
find(sub { push @files, $File::Find::name if -f $_ && /\.eml\z/ }, $root);
print join("\t", qw(file index status replycode reason hardbounce lhost recipient)), "\n";
my ($labeled, $rows) = (0, 0);
for my $path (sort @files) {
    (my $rel = $path) =~ s{\A\Q$root\E/}{};
    my $v = eval { Sisimai->make($path, 'delivered' => 1) };
    if (!$v || !@$v) {
        print STDERR "no result: $rel\n";
        next;
    }
    $labeled++;
    my $i = 0;
    for my $e (@$v) {
        my $hard = $e->softbounce == 0 ? 1 : 0;
        my $clean = sub { my $s = shift // ''; $s =~ s/[\t\r\n]+/ /g; $s };
        print join("\t", $rel, ++$i, $clean->($e->deliverystatus), $clean->($e->replycode), $clean->($e->reason),
            $hard, $clean->($e->smtpagent), $clean->($e->recipient ? $e->recipient->address : '')), "\n";
        $rows++;
    }
}
printf STDERR "%d of %d files labeled, %d rows\n", $labeled, scalar(@files), $rows;
