package io.stocklake.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/**
 * The page's static files from the classpath: {@code dashboard/} (HTML, CSS, JS) and the chart library's WebJar
 * under {@code META-INF/resources/webjars/}, so nothing is built with a Node toolchain and nothing is fetched.
 */
final class DashboardFiles {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "map", "application/json",
            "sql", "text/plain; charset=utf-8");

    private DashboardFiles() {}

    /** The classpath resource for a request path, or null when there is none or the path tries to leave its root. */
    static String resourceFor(String requestPath) {
        if (requestPath.contains("..") || requestPath.contains("\\")) {
            return null;
        }
        if (requestPath.equals("/") || requestPath.equals("/index.html")) {
            return "dashboard/index.html";
        }
        if (requestPath.startsWith("/webjars/")) {
            return webJarResource(requestPath.substring("/webjars/".length()));
        }
        if (requestPath.startsWith("/dashboard/") && !requestPath.startsWith("/dashboard/sql/")) {
            return requestPath.substring(1);
        }
        return null;
    }

    /**
     * {@code echarts/dist/echarts.min.js} to the file in the WebJar of whatever version is on the classpath, so the
     * page names no version and a version bump is a POM edit only.
     */
    private static String webJarResource(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String name = path.substring(0, slash);
        Properties pom = new Properties();
        try (InputStream in = DashboardFiles.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            if (in == null) {
                return null;
            }
            pom.load(in);
        } catch (IOException e) {
            return null;
        }
        return "META-INF/resources/webjars/" + name + "/" + pom.getProperty("version") + path.substring(slash);
    }

    static byte[] read(String resource) throws IOException {
        try (InputStream in = DashboardFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    static String contentType(String resource) {
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
