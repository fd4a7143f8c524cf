package com.sciaticachat.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file the console writes into the corpus keeps who may read it: the permissions of the file it replaces, or
 * {@code rw-r--r--} for a new one. A temporary file is created readable by its owner only, so a publish or a
 * restore written through one left documents that other accounts (a backup, an editor) could no longer read.
 */
final class FileModes {
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private FileModes() {}

    /** Gives {@code tmp}, about to replace {@code target}, the permissions the target has (or a new file's). */
    static void like(Path tmp, Path target) {
        try {
            Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE;
            Files.setPosixFilePermissions(tmp, mode);
        } catch (UnsupportedOperationException | IOException e) {
            // a file system without POSIX permissions: nothing to keep
        }
    }
}
