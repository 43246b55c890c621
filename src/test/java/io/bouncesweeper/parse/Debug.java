package io.bouncesweeper.parse;

import io.bouncesweeper.parse.mime.MimeReader;
import io.bouncesweeper.parse.mime.MimePart;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints what the parser sees in one file: parts, notification text, outcome. For development. */
public final class Debug {
    public static void main(String[] args) throws Exception {
        byte[] raw = Files.readAllBytes(Path.of(args[0]));
        MimePart root = MimeReader.read(raw);
        for (MimePart p : root.flatten()) {
            System.out.println("part " + p.mimeType() + " len=" + p.bodyLength() + " children=" + p.children().size());
        }
        Mail mail = new Mail(root);
        System.out.println("---- text\n" + mail.text());
        System.out.println("---- section\n" + TextReport.section(mail.text(), TextReport.Markers.NONE));
        System.out.println("---- parsed\n" + new DefaultBounceParser().parse(raw));
    }
}
