/** Tests of kb.bench: the latency figures, phase sampler, query sets and extraction evaluation behind {@code kb bench}. */
package kb.bench;
