package io.bouncesweeper.parse;

import io.bouncesweeper.domain.DeliveryRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Prints, per mail file under a folder, which decoder read it ("file&lt;TAB&gt;decoder,decoder"): run
 * it before and after a change to the registry to see which mail moved to another decoder, without
 * reading any verdict. For development.
 */
public final class DecoderTally {
    public static void main(String[] args) throws Exception {
        BounceParser parser = new DefaultBounceParser();
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                StringBuilder b = new StringBuilder();
                for (DeliveryRecord r : parser.parse(Files.readAllBytes(f)).records()) {
                    b.append(b.length() == 0 ? "" : ",").append(r.decoder());
                }
                System.out.println(f.getFileName() + "\t" + b);
            }
        }
    }
}
