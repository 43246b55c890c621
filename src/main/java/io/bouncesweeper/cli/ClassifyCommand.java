package io.bouncesweeper.cli;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.DefaultBounceClassifier;
import io.bouncesweeper.classify.SmtpCodes;
import io.bouncesweeper.domain.BounceClass;
import io.bouncesweeper.domain.Classification;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.ParsedMessage;
import io.bouncesweeper.parse.BounceParser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code classify PATH...}: parses and classifies mail files and prints one JSON object per record
 * on stdout (one with kind "none" for a file without records). Diagnostics go to stderr only, so
 * stdout can be piped into jq or a loader.
 *
 * <p>Exit code: 0 when every file was read, 1 when a file could not be read, 2 on a usage error.
 */
public final class ClassifyCommand {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String USAGE = "usage: classify PATH...   (a mail file, or a folder searched recursively for *.eml)";

    private final BounceParser parser;
    private final BounceClassifier classifier;

    ClassifyCommand(BounceParser parser, BounceClassifier classifier) {
        this.parser = parser;
        this.classifier = classifier;
    }

    /** For running straight from the classes, without the application's main. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Parsers.defaultParser());
    }

    static int run(String[] args, PrintStream out, PrintStream err, BounceParser parser) {
        if (args.length == 0 || "-h".equals(args[0]) || "--help".equals(args[0])) {
            err.println(USAGE);
            return 2;
        }
        return new ClassifyCommand(parser, new DefaultBounceClassifier()).classifyAll(List.of(args), out, err);
    }

    int classifyAll(List<String> arguments, PrintStream out, PrintStream err) {
        int exit = 0;
        for (String argument : arguments) {
            List<EmailFiles.EmailFile> files;
            try {
                files = EmailFiles.expand(argument);
            } catch (IOException e) {
                err.println("classify: cannot list " + argument + ": " + e);
                exit = 1;
                continue;
            }
            for (EmailFiles.EmailFile file : files) {
                byte[] raw;
                try {
                    raw = Files.readAllBytes(file.path());
                } catch (IOException e) {
                    err.println("classify: cannot read " + file.shown() + ": " + e);
                    exit = 1;
                    continue;
                }
                printFile(file.shown(), raw, out, err);
            }
        }
        out.flush();
        return exit;
    }

    private void printFile(String shown, byte[] raw, PrintStream out, PrintStream err) {
        ParsedMessage parsed = parser.parse(raw);
        if (parsed.error() != null) {
            err.println("classify: " + shown + ": " + parsed.outcome() + ": " + parsed.error());
        }
        List<DeliveryRecord> records = parsed.records();
        if (records.isEmpty()) {
            out.println(JSON.writeValueAsString(line(shown, 1).put("kind", "none")));
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            DeliveryRecord r = records.get(i);
            Classification c = classifier.classify(r);
            out.println(JSON.writeValueAsString(line(shown, i + 1)
                    .put("kind", r.kind().code())
                    .put("recipient", r.recipient())
                    .put("status", c.status())
                    .put("replyCode", SmtpCodes.replyCode(r))
                    .put("reason", c.reason().code())
                    .put("hard", c.bounceClass() == BounceClass.HARD)
                    .put("action", c.action().code())
                    .put("rule", c.rule())));
        }
    }

    /** One output line's object; its members print in the order they are put. */
    private static ObjectNode line(String file, int index) {
        return JSON.createObjectNode().put("file", file).put("index", index);
    }
}
