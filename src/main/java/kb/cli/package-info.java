/**
 * The last step of the flow (corpus → index → search → live → web → cli): the {@code kb} command line, picocli
 * commands over the other packages ({@code index}, {@code search}, {@code serve}, {@code eval}, {@code bench},
 * {@code check}). {@link kb.cli.Main} turns failures into one plain line and the exit code (0 ok, 1 failure, 2 usage);
 * {@code --corpus} and {@code --index} are declared once, in {@link kb.cli.IndexOption} and
 * {@link kb.cli.CorpusIndexOptions}.
 */
package kb.cli;
