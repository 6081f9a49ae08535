package kb.corpus;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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
     * Hands out slugs unique within one scope; a repeated slug gets "-2", "-3", ... in the order asked. With a
     * {@link SlugBook}, it keeps every slug the index gave: a file still present gets its slug back
     * ({@link #forOwner}), a retired slug goes only to a file with the same content ({@link #revive}), and no
     * newcomer takes either. JSON Lines records claim their ids exactly ({@link #claim}).
     */
    public static final class Registry {
        /** slug -> who took it in this scope ("" when nobody in particular). */
        private final Map<String, String> used = new HashMap<>();
        /** slug -> the file that owns it, for live articles whose file is still in the corpus. */
        private final Map<String, String> reserved;
        private final Map<String, SlugBook.Entry> retired;
        /** file -> its one slug, for files that hold one article (not JSON Lines files). */
        private final Map<String, String> byOwner = new HashMap<>();

        public Registry() {
            this(Map.of(), Map.of());
        }

        /** {@code reserved}: slug -> owner (a file's path in the corpus); {@code retired}: slugs of deleted articles. */
        public Registry(Map<String, String> reserved, Map<String, SlugBook.Entry> retired) {
            this.reserved = Map.copyOf(reserved);
            // Sorted, so which of several retired slugs comes back never depends on hash order.
            this.retired = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(retired));
            reserved.forEach((slug, owner) -> {
                if (!SlugBook.isRecordFile(owner)) {
                    byOwner.put(owner, slug);
                }
            });
        }

        public String unique(String base) {
            return unique(base, "");
        }

        private String unique(String base, String owner) {
            String slug = base;
            for (int n = 2; reserved.containsKey(slug) || retired.containsKey(slug) || !take(slug, owner); n++) {
                slug = base + "-" + n;
            }
            return slug;
        }

        private boolean take(String slug, String owner) {
            return used.putIfAbsent(slug, owner) == null;
        }

        /** Whether {@code owner} has a slug kept from the index. */
        public boolean keeps(String owner) {
            return byOwner.containsKey(owner);
        }

        /** The slug kept for a single-article file, or a new unique one from {@code base} when it has none. */
        public String forOwner(String owner, String base) {
            String kept = byOwner.get(owner);
            if (kept != null && take(kept, owner)) {
                return kept;
            }
            return unique(base, owner);
        }

        /**
         * A retired slug from {@code base} ("notes", "notes-2", ...) whose article said exactly {@code content}: a
         * deleted file restored, or moved back under its name, gets its ids back. Empty when there is none.
         */
        public java.util.Optional<String> revive(String owner, String base, String content) {
            for (Map.Entry<String, SlugBook.Entry> e : retired.entrySet()) {
                String slug = e.getKey();
                if (fromBase(slug, base) && e.getValue().content().equals(content)
                        && !SlugBook.isRecordFile(e.getValue().owner()) && take(slug, owner)) {
                    return java.util.Optional.of(slug);
                }
            }
            return java.util.Optional.empty();
        }

        /** Whether a retired slug made from {@code base} exists, so {@link #revive} could give one back at all. */
        public boolean mayRevive(String base) {
            return retired.keySet().stream().anyMatch(slug -> fromBase(slug, base));
        }

        private static boolean fromBase(String slug, String base) {
            return slug.equals(base) || (slug.startsWith(base + "-")
                    && slug.substring(base.length() + 1).chars().allMatch(Character::isDigit));
        }

        /** Gives back a slug handed out by {@link #unique} that ended up unused. */
        public void release(String slug) {
            used.remove(slug);
        }

        /**
         * Claims {@code slug} exactly for a record of the JSON Lines file {@code owner}; false when it is taken, or
         * kept for a file that is not a JSON Lines file (a record may move between JSON Lines files).
         */
        public boolean claim(String slug, String owner) {
            String keeper = keeperOf(slug);
            return (keeper == null || keeper.equals(owner) || SlugBook.isRecordFile(keeper)) && take(slug, owner);
        }

        /** The file a slug is taken by or kept for, if any (to say whom a refused id belongs to). */
        public String keeperOf(String slug) {
            String taker = used.get(slug);
            if (taker != null && !taker.isEmpty()) {
                return taker;
            }
            String live = reserved.get(slug);
            if (live != null) {
                return live;
            }
            SlugBook.Entry gone = retired.get(slug);
            return gone == null ? null : gone.owner();
        }
    }
}
