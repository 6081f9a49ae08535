/**
 * Tests of kb.corpus, the first step of the flow: every format reader and structure rule on small fixtures (PDFs made
 * by {@link kb.corpus.PdfFixtures}), bad files, and the shared real-world datasets when they are present.
 */
package kb.corpus;
