/**
 * Search by meaning, the embedding layer: {@link kb.meaning.Meaning#load()} gives an {@link kb.meaning.Embedder}
 * (all-MiniLM-L6-v2, quantised, shipped inside kb's jar: 384-dimensional, L2-normalised vectors, to be compared by
 * dot product) or, where it cannot run, one plain message saying kb serves lexical search. {@link
 * kb.meaning.TextKey} keys a vector cache, {@link kb.meaning.Sentences} picks a passage's sentence nearest a query.
 * Nothing here downloads anything: the model, its tokenizer and their native libraries come from the class path.
 * The index and search layers call this package; it calls none of theirs.
 */
package kb.meaning;
