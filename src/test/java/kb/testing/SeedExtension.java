package kb.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one source of seeds for randomised tests. A test class registers it with
 * {@code @ExtendWith(SeedExtension.class)} and a test method takes a {@link TestSeed} parameter, from which it draws
 * all its randomness. The seed is {@code -Dkb.test.seed=N} when given (Maven passes {@code -D} properties on to the
 * tests: {@code mvn test -Dtest=FaultInjectionTest -Dkb.test.seed=N} replays a run), otherwise a new one for each
 * test. Each test's seed is printed before it runs, and again, with the command to replay it, when it fails.
 */
public final class SeedExtension implements ParameterResolver, AfterTestExecutionCallback {
    /** The system property that fixes the seed. */
    public static final String PROPERTY = "kb.test.seed";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeedExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestSeed.class;
    }

    @Override
    public TestSeed resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestSeed.class, key -> {
            TestSeed seed = new TestSeed(chooseSeed());
            System.out.println("[kb seed] " + name(context) + ": " + PROPERTY + "=" + seed.value());
            return seed;
        }, TestSeed.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        TestSeed seed = context.getStore(NAMESPACE).get(TestSeed.class, TestSeed.class);
        if (seed != null && context.getExecutionException().isPresent()) {
            System.out.println("[kb seed] " + name(context) + " failed with " + PROPERTY + "=" + seed.value()
                    + "; replay: mvn test -Dtest=" + context.getRequiredTestClass().getSimpleName() + " -D" + PROPERTY
                    + "=" + seed.value());
        }
    }

    private static long chooseSeed() {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(given.strip());
        } catch (NumberFormatException e) {
            throw new ParameterResolutionException("-D" + PROPERTY + " takes a whole number, not " + given);
        }
    }

    private static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    }
}
