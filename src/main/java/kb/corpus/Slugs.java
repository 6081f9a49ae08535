package kb.corpus;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns names into the URL- and id-safe slugs kb uses: lower case, runs of anything but [a-z0-9] become one
 * '-', no '-' at either end. Accents are folded first so "Müller" gives "muller" rather than "m-ller".
 */
public final class Slugs {
    /** Section slugs are cut to this length (at a '-' boundary) so that passage ids stay readable. */
    public static final int MAX_SECTION_SLUG = 60;

    private Slugs() {}

    public static String slugify(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The slug of a section heading, at most {@value #MAX_SECTION_SLUG} characters; "section" if nothing is left. */
    public static String sectionSlug(String heading) {
        String slug = slugify(heading);
        if (slug.length() > MAX_SECTION_SLUG) {
            int cut = slug.lastIndexOf('-', MAX_SECTION_SLUG);
            slug = cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_SECTION_SLUG);
            slug = slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "section" : slug;
    }

    /**
     * Hands out slugs unique within one scope; a repeated slug gets "-2", "-3", ... in the order asked. Slugs
     * reserved for an owner (a file's path) are kept for that owner: {@link #forOwner} gives them back to it, and no
     * one else gets them, so a newcomer never takes an id that an existing article already has.
     */
    public static final class Registry {
        private final Set<String> used = new HashSet<>();
        /** slug -> the file that owns it (kept from the index). */
        private final Map<String, String> reserved;
        /** file -> its one slug, for files that hold one article (not JSON Lines files). */
        private final Map<String, String> byOwner = new HashMap<>();

        public Registry() {
            this(Map.of());
        }

        /** {@code reserved} maps each slug kept for its owner to that owner (a file's path in the corpus). */
        public Registry(Map<String, String> reserved) {
            this.reserved = Map.copyOf(reserved);
            Map<String, Integer> slugsPerOwner = new HashMap<>();
            reserved.forEach((slug, owner) -> slugsPerOwner.merge(owner, 1, Integer::sum));
            // An owner with several slugs is a JSON Lines file: its records claim their ids exactly instead.
            reserved.forEach((slug, owner) -> {
                if (slugsPerOwner.get(owner) == 1) {
                    byOwner.put(owner, slug);
                }
            });
        }

        public String unique(String base) {
            String slug = base;
            for (int n = 2; reserved.containsKey(slug) || !used.add(slug); n++) {
                slug = base + "-" + n;
            }
            return slug;
        }

        /** The slug kept for a single-article file, or a new unique one from {@code base} when it has none. */
        public String forOwner(String owner, String base) {
            String kept = byOwner.get(owner);
            if (kept != null && used.add(kept)) {
                return kept;
            }
            return unique(base);
        }

        /** Claims {@code slug} exactly for {@code owner}; false when it is taken or kept for another owner. */
        public boolean claim(String slug, String owner) {
            String keeper = reserved.get(slug);
            return (keeper == null || keeper.equals(owner)) && used.add(slug);
        }

        /** The owner a slug is kept for, if any (to say whom a refused id belongs to). */
        public String keeperOf(String slug) {
            return reserved.get(slug);
        }
    }
}
