/**
 * The first step of the flow (corpus → index → search → live → web → cli): reads a corpus folder of Markdown, plain
 * text, HTML, JSON Lines, PDF and Word files into {@link kb.corpus.Article}s of {@link kb.corpus.Passage}s, with
 * section paths, references, stable ids and citations; a file that cannot be used is skipped with a one-line reason.
 * Knows nothing of Lucene.
 */
package kb.corpus;
