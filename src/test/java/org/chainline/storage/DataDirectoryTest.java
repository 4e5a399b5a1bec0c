package org.chainline.storage;

import org.chainline.TestStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirectoryTest {

    @Test
    void spoolsLiveInTheDataDirectoryReadableByItsOwnerAndWhatACrashLeftIsGoneAtTheNextStart() throws Exception {
        Path root = TestStores.newDataDir();
        Path spooled;
        try (DataDirectory data = new DataDirectory(root)) {
            spooled = data.spoolFile(".ndjson");
            assertTrue(spooled.startsWith(root), "never in the system's temporary folder");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spooled)));
            Files.writeString(spooled, "{\"type\": \"Source\", \"identity\": \"a fictional witness\"}");
        }
        // the process died with its upload half read: the next one to take the directory removes it
        assertTrue(Files.exists(spooled));
        try (DataDirectory again = new DataDirectory(root)) {
            assertFalse(Files.exists(spooled));
        }
    }
}
