package kb.meaning;

import java.util.Locale;
import java.util.Set;

/**
 * The platform kb runs on, named "os-arch" as in {@code linux-x86_64}, {@code osx-aarch64} or {@code linux-riscv64},
 * and whether search by meaning runs there. Rule: supported are exactly the platforms whose ONNX Runtime and DJL
 * tokenizer native libraries kb's jar keeps (pom.xml, the shade plugin's filters); elsewhere nothing native is
 * loaded, so no library gets the chance to fetch one.
 */
final class NativePlatform {
    static final Set<String> SUPPORTED = Set.of("linux-x86_64", "linux-aarch64", "osx-aarch64");

    private NativePlatform() {}

    /** This JVM's platform. */
    static String current() {
        return name(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static boolean supported(String platform) {
        return SUPPORTED.contains(platform);
    }

    /** The platform name for Java's {@code os.name} and {@code os.arch}. */
    static String name(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            os = "osx";
        } else if (os.startsWith("windows")) {
            os = "windows";
        } else if (os.startsWith("linux")) {
            os = "linux";
        } else {
            os = os.replaceAll("[^a-z0-9]+", "");
        }
        String arch = osArch.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64", "x86_64", "x64", "x86-64" -> arch = "x86_64";
            case "aarch64", "arm64" -> arch = "aarch64";
            default -> arch = arch.replaceAll("[^a-z0-9_]+", "");
        }
        return (os.isEmpty() ? "unknown" : os) + "-" + (arch.isEmpty() ? "unknown" : arch);
    }
}
