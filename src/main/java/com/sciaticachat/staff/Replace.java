package com.sciaticachat.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How staff's tools put a file into the corpus: written whole beside it first, then moved over it in one step,
 * so the watcher never reads half a file; and keeping who may read it (the permissions of the file it replaces,
 * or {@code rw-r--r--} for a new one), since a temporary file may be created readable by its owner only.
 */
final class Replace {
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private Replace() {}

    /** Moves {@code tmp}, already written, over {@code target} atomically, with the target's permissions. */
    static void with(Path tmp, Path target) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE;
            Files.setPosixFilePermissions(tmp, mode);
        } catch (UnsupportedOperationException | IOException e) {
            // a file system without POSIX permissions: nothing to keep
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
