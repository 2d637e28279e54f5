package dev.figmascim.bridge.admin;

import dev.figmascim.bridge.scim.ScimException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spools an uploaded file to a private temporary file, refusing it (413) once it passes the limit:
 * the CSV reader needs a re-readable file, and nothing holds the upload in memory.
 */
final class Uploads {

    private Uploads() {
    }

    static Path spool(InputStream in, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("bridge-upload-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream body = in; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ScimException(413, null, "upload larger than the limit of " + maxBytes
                            + " bytes (bridge.admin.csv-max-bytes)");
                }
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new ScimException(400, null, "the upload could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless; the OS cleans its temp directory
        }
    }
}
