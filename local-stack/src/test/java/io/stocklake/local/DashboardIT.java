package io.stocklake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code ./run-local} end to end, as a person uses it: the script started on free ports, ticks queryable through
 * Trino JDBC with a shipped query, the live page in a real headless Chromium (skipped where none is installed), the
 * read-only SQL endpoint, the exporter rules and documented metrics against the running Connect worker's MBeans,
 * and last, Ctrl-C stopping every child process and freeing every port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Duration FIRST_DATA_DEADLINE = Duration.ofMinutes(5);
    /** A minute, its grace and a rotation of the analytics' sink after the first ticks. */
    private static final Duration FIRST_BAR_DEADLINE = Duration.ofMinutes(4);

    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path project;
    private Path dataDir;
    private RunLocalProcess stack;
    private String page;
    private WebDriver browser;

    @BeforeAll
    void startStackWithData() throws Exception {
        project = Paths.get(System.getProperty("stocklake.project.dir")).toAbsolutePath();
        dataDir = Files.createTempDirectory("dashboard-it");
        Instant launched = Instant.now();
        stack = new RunLocalProcess(project, dataDir);
        page = "http://127.0.0.1:" + stack.dashboard;
        stack.awaitStarted(Duration.ofMinutes(4));
        assertThat(stack.output).as("the banner prints the page").anyMatch(line -> line.contains(page));
        Instant deadline = Instant.now().plus(FIRST_DATA_DEADLINE);
        while (get("/api/query?name=ohlcv_1m").path("rows").isEmpty()) {
            assertThat(Instant.now())
                    .as("queryable bars within %s; output:%n%s", FIRST_DATA_DEADLINE, stack.outputText())
                    .isBefore(deadline);
            Thread.sleep(3000);
        }
        System.out.printf(
                "run-local: first ticks queryable through Trino %.1f s after start%n",
                Duration.between(launched, Instant.now()).toMillis() / 1000.0);
    }

    @Test
    void aShippedQueryAnswersThroughTrinoJdbc() throws Exception {
        String sql = Files.readString(project.resolve("athena/vwap_hourly.sql"));
        String day = LocalDate.now(ZoneOffset.UTC).toString();

        List<List<String>> rows = LocalQuery.execute("http://127.0.0.1:" + stack.trino, sql, List.of(day));

        assertThat(rows.get(0)).containsExactly("symbol", "hour", "vwap", "volume", "trades");
        assertThat(rows.size()).isGreaterThan(1);
    }

    /** Last: Ctrl-C stops every process the script started and frees every port. */
    @Test
    @Order(Integer.MAX_VALUE)
    void ctrlCStopsEveryChildAndReleasesEveryPort() throws Exception {
        List<ProcessHandle> children = stack.process().descendants().toList();

        boolean exited = stack.stop();

        assertThat(exited)
                .as("run-local stopped; output:%n%s", stack.outputText())
                .isTrue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (children.stream().anyMatch(ProcessHandle::isAlive)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(children)
                .as("broker, worker and every other child process ended")
                .noneMatch(ProcessHandle::isAlive);
        for (int port : List.of(stack.kafka, stack.connect, stack.s3, stack.glue, stack.trino, stack.dashboard)) {
            assertThat(PortCheck.isFree(port)).as("port %d released", port).isTrue();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void pageLoadsWithoutConsoleErrors() {
        WebDriver driver = browser();
        driver.get(page);
        awaitBars(driver);
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    @Test
    void theAnalyticsFinalBarsEqualTheBarsSqlComputesFromTheTicks() throws Exception {
        awaitFinalBars();
        List<String> differences = List.of();
        // A bar and its minute's last tick file land within seconds of each other: read both again if they differ.
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, List<String>> fromTicks = barsByMinute(get("/api/query?name=ohlcv_1m"));
            Map<String, List<String>> fromAnalytics = barsByMinute(get("/api/query?name=candles_1m"));
            assertThat(fromAnalytics).isNotEmpty();
            differences = fromAnalytics.entrySet().stream()
                    .filter(bar -> !bar.getValue().equals(fromTicks.get(bar.getKey())))
                    .map(bar ->
                            bar.getKey() + ": analytics " + bar.getValue() + ", ticks " + fromTicks.get(bar.getKey()))
                    .toList();
            if (differences.isEmpty()) {
                break;
            }
            Thread.sleep(5000);
        }
        assertThat(differences)
                .as("bars of stock_bars_1m unlike those of stock_ticks")
                .isEmpty();
    }

    @Test
    void theAlertsQueryAnswersOnceTheAnalyticsRun() throws Exception {
        awaitFinalBars();
        JsonNode alerts = get("/api/query?name=alerts_day");
        // The alerts table exists only once an alert has fired; until then the page says there are none.
        if (alerts.has("missing")) {
            assertThat(alerts.path("missing").asText()).contains("stock_alerts");
            assertThat(alerts.path("rows")).isEmpty();
        } else {
            assertThat(alerts.path("columns"))
                    .extracting(JsonNode::asText)
                    .containsExactly("event_time", "symbol", "alert_type", "observed", "threshold", "detail");
        }
    }

    @Test
    @Order(2)
    void candlestickChartShowsBarsForASymbolWithData() throws Exception {
        awaitFinalBars();
        WebDriver driver = browser();
        long bars = 0;
        int shipped = -1;
        String symbol = null;
        // The lake grows while the test reads it: a new minute's first file can land between the page's query and
        // ours. Such a read is taken again on a fresh page; the counts must then agree.
        for (int attempt = 0; attempt < 5 && shipped != bars; attempt++) {
            driver.get(page);
            bars = awaitBars(driver);
            symbol = driver.findElement(By.id("symbol")).getDomProperty("value");
            assertThat(symbol).isNotBlank();
            shipped = get("/api/query?name=candles_1m&symbol=" + symbol)
                    .path("rows")
                    .size();
        }
        assertThat(bars).isPositive();
        assertThat(shipped).as("bars the shipped query gives for %s", symbol).isEqualTo((int) bars);
        screenshot(driver, "dashboard.png");
    }

    @Test
    @Order(3)
    void pipelinePanelShowsRunningTasksAndACountThatRises() {
        WebDriver driver = browser();
        driver.get(page);
        WebDriverWait wait = new WebDriverWait(driver, PAGE_WAIT);
        wait.until(d ->
                d.findElement(By.cssSelector("#connectors tbody")).getText().contains("RUNNING"));
        assertThat(driver.findElement(By.cssSelector("#connectors tbody")).getText())
                .contains("stock-ticks-source", "stock-ticks-s3-glue-sink")
                .doesNotContain("FAILED");
        wait.until(d -> number(d.findElement(By.id("ticks-produced")).getText()) > 0);
        long first = number(driver.findElement(By.id("ticks-produced")).getText());
        wait.until(d -> number(d.findElement(By.id("ticks-produced")).getText()) > first);
    }

    @Test
    @Order(4)
    void clickingAShippedQueryShowsItsRows() throws Exception {
        WebDriver driver = browser();
        driver.get(page);
        WebDriverWait wait = new WebDriverWait(driver, PAGE_WAIT);
        wait.until(d -> !d.findElements(By.cssSelector("#shipped button[data-query='top_movers']"))
                .isEmpty());
        driver.findElement(By.cssSelector("#shipped button[data-query='top_movers']"))
                .click();
        wait.until(d -> !d.findElements(By.cssSelector("#sql-result tbody tr")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#sql-result thead")).getText())
                .contains("symbol", "change_pct");
        assertThat(driver.findElement(By.id("sql-status")).getText()).contains("top_movers");
        screenshot(driver, "dashboard-query.png");
    }

    @Test
    void sqlEndpointAnswersASelect() throws Exception {
        HttpResponse<String> response = postSql("SELECT count(*) AS ticks FROM stock_ticks;");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("columns").get(0).asText()).isEqualTo("ticks");
        assertThat(Long.parseLong(body.path("rows").get(0).get(0).asText())).isPositive();
    }

    @Test
    void sqlEndpointRefusesAWriteNamingWhy() throws Exception {
        HttpResponse<String> response = postSql("INSERT INTO stock_ticks (symbol) VALUES ('X')");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("error").asText()).contains("Read-only", "INSERT");
    }

    @Test
    void sqlEndpointRefusesAPostFromAnotherOrigin() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(page + "/api/sql"))
                        .header("Content-Type", "text/plain")
                        .header("Origin", "http://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("SELECT count(*) FROM stock_ticks"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void trinoRefusesAWriteFromAnyUserOfTheStack() throws Exception {
        // Past the page's own check: straight to the stack's Trino, as anonymous as any local process can be.
        Properties user = new Properties();
        user.setProperty("user", "anonymous");
        try (Connection trino = DriverManager.getConnection(
                        "jdbc:trino://127.0.0.1:" + stack.trino + "/" + LocalStackSettings.CATALOG, user);
                Statement statement = trino.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE SCHEMA intruder"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access Denied");
        }
    }

    @Test
    void pipelineEndpointReportsFreshnessOnceDataIsQueryable() throws Exception {
        Instant deadline = Instant.now().plus(PAGE_WAIT);
        JsonNode pipeline = get("/api/pipeline");
        while (pipeline.path("freshness").path("samples").asInt() == 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            pipeline = get("/api/pipeline");
        }
        JsonNode freshness = pipeline.path("freshness");
        assertThat(freshness.path("samples").asInt()).isPositive();
        assertThat(freshness.path("p99Seconds").asDouble())
                .isGreaterThanOrEqualTo(freshness.path("p50Seconds").asDouble());
        assertThat(freshness.path("method").asText()).contains("event_time");
    }

    @Test
    void everyExporterRuleMatchesAMetricOfTheRunningWorker() throws Exception {
        String jmxUrl = workerJmxUrl();
        Map<String, Object> config = exporterConfig();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) config.get("rules");
        List<String> unmatched = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            Map<String, Object> single = new LinkedHashMap<>(config);
            single.put("rules", List.of(rule));
            if (exportedNames(jmxUrl, single).isEmpty()) {
                unmatched.add(String.valueOf(rule.get("pattern")));
            }
        }
        assertThat(unmatched)
                .as(
                        "rules that match no MBean attribute of the worker; its kafka.connect beans: %s",
                        connectBeans(jmxUrl))
                .isEmpty();
    }

    @Test
    void everyMetricInTheDocsIsExportedFromTheRunningWorker() throws Exception {
        Set<String> exported = exportedNames(workerJmxUrl(), exporterConfig()).stream()
                .map(DashboardIT::withoutTotal)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = documentedMetrics();
        assertThat(documented).as("metrics named in docs/monitoring.md").hasSizeGreaterThan(10);
        assertThat(documented.stream()
                        .map(DashboardIT::withoutTotal)
                        .filter(name -> !exported.contains(name))
                        .toList())
                .as("documented but not exported; exported: %s", exported)
                .isEmpty();
    }

    // ---- browser -----------------------------------------------------------------------------------------

    private WebDriver browser() {
        if (browser == null) {
            Path driver = executable("webdriver.chrome.driver", "CHROMEDRIVER", "/usr/bin/chromedriver");
            Path chromium = executable("chrome.binary", "CHROME_BIN", "/usr/bin/chromium");
            assumeTrue(driver != null && chromium != null, "no chromium/chromedriver installed: browser tests skipped");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--window-size=1440,1000",
                    "--user-data-dir=" + dataDir.resolve("chromium"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driver.toFile())
                    .usingAnyFreePort()
                    .build();
            browser = new ChromeDriver(service, options);
        }
        return browser;
    }

    private static Path executable(String property, String env, String fallback) {
        String given = System.getProperty(property, System.getenv(env));
        Path path = Paths.get(given == null || given.isBlank() ? fallback : given);
        return Files.isExecutable(path) ? path : null;
    }

    private static long awaitBars(WebDriver driver) {
        return new WebDriverWait(driver, PAGE_WAIT).until(d -> {
            Object bars = ((JavascriptExecutor) d).executeScript("""
                    const chart = window.echarts && echarts.getInstanceByDom(document.getElementById('candles'));
                    const option = chart && chart.getOption();
                    return option && option.series && option.series[0] ? option.series[0].data.length : 0;""");
            long count = ((Number) bars).longValue();
            return count > 0 ? count : null;
        });
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path target = Paths.get("target");
        Files.createDirectories(target);
        Files.copy(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                target.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(page + path)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private HttpResponse<String> postSql(String sql) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(page + "/api/sql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- JMX ---------------------------------------------------------------------------------------------

    /** The worker's JMX through the attach API: its local management agent, no JVM option needed. */
    private String workerJmxUrl() throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(stack.worker().pid()));
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }

    private Map<String, Object> exporterConfig() throws Exception {
        Map<String, Object> config =
                new Yaml().load(Files.readString(project.resolve("docker/monitoring/connect-jmx-exporter.yaml")));
        return new LinkedHashMap<>(config);
    }

    /** Names the exporter's own rules engine produces from the worker's MBeans under {@code config}. */
    private static Set<String> exportedNames(String jmxUrl, Map<String, Object> config) throws Exception {
        Map<String, Object> remote = new LinkedHashMap<>(config);
        remote.put("jmxUrl", jmxUrl);
        // register() creates the collector's own scrape gauges, which collect() sets.
        JmxCollector collector = new JmxCollector(new Yaml().dump(remote)).register(new PrometheusRegistry());
        Set<String> names = new TreeSet<>();
        for (MetricSnapshot snapshot : collector.collect()) {
            String name = snapshot.getMetadata().getPrometheusName();
            if (!name.startsWith("jmx_") && !snapshot.getDataPoints().isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String connectBeans(String jmxUrl) {
        try (var connector = javax.management.remote.JMXConnectorFactory.connect(
                new javax.management.remote.JMXServiceURL(jmxUrl))) {
            return connector
                    .getMBeanServerConnection()
                    .queryNames(new javax.management.ObjectName("kafka.connect:*"), null)
                    .stream()
                    .map(Object::toString)
                    .sorted()
                    .collect(Collectors.joining("\n  ", "\n  ", ""));
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Waits until the analytics' first final bar is queryable in stock_bars_1m. */
    private void awaitFinalBars() throws Exception {
        Instant deadline = Instant.now().plus(FIRST_BAR_DEADLINE);
        while (!get("/api/query?name=candles_1m").path("rows").isArray()
                || get("/api/query?name=candles_1m").path("rows").isEmpty()) {
            assertThat(Instant.now())
                    .as("a final bar queryable within %s; output:%n%s", FIRST_BAR_DEADLINE, stack.outputText())
                    .isBefore(deadline);
            Thread.sleep(3000);
        }
    }

    /** Rows of {@code ohlcv_1m} or {@code candles_1m}: "symbol minute" to open, high, low, close, volume, trades. */
    private static Map<String, List<String>> barsByMinute(JsonNode result) {
        List<String> columns = new ArrayList<>();
        result.path("columns").forEach(c -> columns.add(c.asText()));
        Map<String, List<String>> bars = new LinkedHashMap<>();
        for (JsonNode row : result.path("rows")) {
            List<String> figures = new ArrayList<>();
            for (String name : List.of("open", "high", "low", "close", "volume", "trades")) {
                figures.add(row.get(columns.indexOf(name)).asText());
            }
            bars.put(
                    row.get(columns.indexOf("symbol")).asText() + " "
                            + row.get(columns.indexOf("minute")).asText(),
                    figures);
        }
        return bars;
    }

    /** The first column's metric names in docs/monitoring.md's tables. */
    private Set<String> documentedMetrics() throws Exception {
        Pattern row = Pattern.compile("^\\|\\s*`((?:kafka_connect|stocklake)_[a-z0-9_]+)`", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(project.resolve("docs/monitoring.md")));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String withoutTotal(String name) {
        return name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
    }
}
