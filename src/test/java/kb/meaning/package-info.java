/** Tests of the embedding layer: the real model's vectors, its word-piece limit, availability and sentence picking. */
package kb.meaning;
