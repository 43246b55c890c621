package io.bouncesweeper.job;

import io.bouncesweeper.classify.BounceClassifier;
import io.bouncesweeper.classify.VersionedClassifier;
import io.bouncesweeper.config.TableFolders;
import io.bouncesweeper.domain.DeliveryRecord;
import io.bouncesweeper.domain.RecordKind;
import io.bouncesweeper.parse.BounceParser;
import io.bouncesweeper.parse.DefaultBounceParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bounce-sweeper.tables-dir}: files in its classify/ and parse/ subfolders, named like the
 * built-in tables, are read before them by the job's classifier and parser.
 */
class TablesDirTest {
    private static final DeliveryRecord RECORD = DeliveryRecord.builder(RecordKind.BOUNCE)
            .recipient("a@example.org").diagnostic("550 the frobnicator declined this message").build();

    @Test
    void anOverrideFileChangesTheVerdict(@TempDir Path dir) throws IOException {
        BounceClassifier builtIn = BounceSweepJobConfiguration.bounceClassifier(new TableFolders(null));
        assertThat(builtIn.classify(RECORD).reason().code()).isNotEqualTo("mailboxfull");

        Files.createDirectories(dir.resolve("classify"));
        Files.writeString(dir.resolve("classify/phrases.tsv"), "# operator's rows\nmailboxfull\tfrobnicator declined\n");
        BounceClassifier overridden = BounceSweepJobConfiguration.bounceClassifier(new TableFolders(dir.toString()));

        assertThat(overridden.classify(RECORD).reason().code()).isEqualTo("mailboxfull");
        assertThat(overridden.classify(RECORD).rule()).isEqualTo("phrase:mailboxfull:\"frobnicator declined\"");
        assertThat(VersionedClassifier.versionOf(overridden)).isNotEqualTo(VersionedClassifier.versionOf(builtIn));
    }

    @Test
    void theParserReadsTheParseFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("parse"));
        BounceParser parser = BounceSweepJobConfiguration.bounceParser(new TableFolders(dir.toString()));
        assertThat(((DefaultBounceParser) parser).tables().isBuiltIn()).isFalse();
        assertThat(((DefaultBounceParser) BounceSweepJobConfiguration.bounceParser(new TableFolders(null))).tables().isBuiltIn()).isTrue();
    }

    @Test
    void theSettingMustNameAFolderWithTables(@TempDir Path dir) throws IOException {
        assertThat(new TableFolders(null).isUsable()).isTrue();
        assertThat(new TableFolders(dir.resolve("missing").toString()).isUsable()).isFalse();
        assertThat(new TableFolders(dir.toString()).isUsable()).isFalse(); // neither classify/ nor parse/
        Files.createDirectories(dir.resolve("classify"));
        assertThat(new TableFolders(dir.toString()).isUsable()).isTrue();
    }
}
