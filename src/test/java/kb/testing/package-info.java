/**
 * Test support shared by every test package: {@link kb.testing.SeedExtension} gives each randomised test its
 * {@link kb.testing.TestSeed}, prints it, and takes {@code -Dkb.test.seed=N} to replay one; {@link
 * kb.testing.SharedMeaning} loads the real embedder once per test JVM and counts what each test embeds.
 */
package kb.testing;
