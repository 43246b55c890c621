package io.bouncesweeper.archive;

import io.bouncesweeper.domain.ArchiveCategory;

/** Target folder per outcome, "/"-separated as configured. */
public record ArchiveFolders(String hard, String soft, String other, String unparsed, String notices) {

    public String folderFor(ArchiveCategory category) {
        return switch (category) {
            case HARD -> hard;
            case SOFT -> soft;
            case OTHER -> other;
            case UNPARSED -> unparsed;
            case NOTICE -> notices;
        };
    }
}
