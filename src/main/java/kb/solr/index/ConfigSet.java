package kb.solr.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kb.solr.SolrSchema;

/**
 * kb's config set as it ships inside kb.jar ({@link SolrSchema#CONFIGSET_RESOURCE}): its files, the zip the ConfigSet
 * API's UPLOAD takes, and its name, {@code kb-} and a hash of the files, so a changed config set is uploaded as a new
 * one and a collection never changes its schema under it.
 */
public final class ConfigSet {
    /** Hex digits of the files' hash in the name: enough to tell kb's releases apart. */
    private static final int NAME_HASH_DIGITS = 12;
    /** What every kb config set's name starts with. */
    public static final String NAME_PREFIX = "kb-";

    private final Map<String, byte[]> files;

    private ConfigSet(Map<String, byte[]> files) {
        this.files = files;
    }

    /** The config set in kb's jar. */
    public static ConfigSet bundled() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : SolrSchema.CONFIGSET_FILES) {
            String resource = SolrSchema.CONFIGSET_RESOURCE + name;
            try (InputStream in = ConfigSet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("kb's jar lacks " + resource);
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource + " from kb's jar", e);
            }
        }
        return new ConfigSet(files);
    }

    /** The files by name, in upload order. */
    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }

    /** {@code kb-} and the first hex digits of a SHA-256 over the files' names and bytes. */
    public String name() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        files.forEach((name, bytes) -> {
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            sha.update((byte) 0);
        });
        return NAME_PREFIX + HexFormat.of().formatHex(sha.digest()).substring(0, NAME_HASH_DIGITS);
    }

    /** The files as one zip, in memory, for the UPLOAD request. */
    public byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
