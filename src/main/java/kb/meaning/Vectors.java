package kb.meaning;

/**
 * Arithmetic on embedding vectors. Rule: kb's vectors are L2-normalised, so their dot product is their cosine
 * similarity (Lucene's DOT_PRODUCT similarity ranks the same way).
 */
public final class Vectors {
    private Vectors() {}

    /** The dot product of two vectors of the same length. */
    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The Euclidean length of a vector, in double precision. */
    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
