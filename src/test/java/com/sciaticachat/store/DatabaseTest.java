package com.sciaticachat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store says it is failing when its work fails though the database can be reached (a disk full, made read-only). */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void work_that_fails_while_the_database_answers_marks_the_store_failing() {
        try (Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"))) {
            Integer one = db.call(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("SELECT 1")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertEquals(1, one);
            assertFalse(db.failing());
            // a write the database refuses, as a read-only one refuses every write
            assertThrows(StoreException.class, () -> db.<Integer>call(c -> {
                try (var s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                }
            }));
            assertTrue(db.failing(), "said to operators, though reads still work");
            assertTrue(db.reachable(), "reachable: the database answered");
        }
    }
}
