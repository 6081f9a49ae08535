/**
 * Tests of kb.search, the third step of the flow: parsing, expansion, ranking, bounds and completions, mostly over an
 * index of the seed article built by {@link kb.search.SeedIndex}.
 */
package kb.search;
