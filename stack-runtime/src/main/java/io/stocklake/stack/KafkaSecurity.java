package io.stocklake.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Kafka secured as production runs it, generated at start and never committed: a SASL_SSL listener taking
 * SCRAM-SHA-512 over TLS, the controller listener on mutual TLS, a TLS key pair made with the JDK's
 * {@code keytool}, a random password per principal, and {@code StandardAuthorizer} with no access unless an ACL
 * grants it.
 *
 * <p>Passwords never appear on a command line: {@code keytool} reads its store password from its environment,
 * the broker's two bootstrap users reach {@code kafka-storage format} through a JVM argument file readable by this
 * user alone, and every other principal is created over the secured listener. Connect workers and connectors read
 * their login from {@link #secretsFile()} through Kafka's {@code FileConfigProvider}, so configs, REST answers and
 * the config topic carry only {@code ${file:...}} references.
 */
public final class KafkaSecurity {

    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The broker's own principal: inter-broker traffic; a super user. */
    public static final String BROKER = "broker";
    /** The operator's principal the harness uses for topics, ACLs and audits; a super user. */
    public static final String ADMIN = "admin";
    /** The broker certificate's subject: the controller listener's principal for the broker itself. */
    static final String BROKER_CERT_PRINCIPAL = "CN=broker";

    private static final String STORE_PASSWORD_ENV = "STOCKLAKE_STORE_PASSWORD";
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final Path dir;
    private final Map<String, String> passwords;
    private final String storePassword;

    private KafkaSecurity(Path dir, Map<String, String> passwords, String storePassword) {
        this.dir = dir;
        this.passwords = passwords;
        this.storePassword = storePassword;
    }

    /**
     * Generates the key pair, trust store and passwords into {@code dir}, for the broker, the admin and
     * {@code principals}.
     */
    public static KafkaSecurity generate(Path dir, Set<String> principals) {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(BROKER, randomSecret());
        passwords.put(ADMIN, randomSecret());
        principals.forEach(p -> passwords.put(p, randomSecret()));
        KafkaSecurity security = new KafkaSecurity(dir, Map.copyOf(passwords), randomSecret());
        try {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        security.makeStores();
        security.writeSecretsFile();
        return security;
    }

    /** The principals besides the broker and the admin, which the harness creates once the broker runs. */
    public Set<String> principals() {
        Set<String> named = new TreeSet<>(passwords.keySet());
        named.remove(BROKER);
        named.remove(ADMIN);
        return named;
    }

    /** Every secret generated (passwords and the key store's), for tests that look for them where none belongs. */
    public Set<String> secrets() {
        Set<String> all = new TreeSet<>(passwords.values());
        all.add(storePassword);
        return all;
    }

    /** Where {@code <principal>.sasl.jaas.config} and {@code truststore.password} are kept (owner-only). */
    public Path secretsFile() {
        return dir.resolve("kafka-secrets.properties");
    }

    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    Path keystore() {
        return dir.resolve("broker.p12");
    }

    /** A reference Connect resolves through its {@code file} config provider to this principal's SASL login. */
    public String jaasConfigReference(String principal) {
        requireKnown(principal);
        return "${file:" + secretsFile() + ":" + principal + ".sasl.jaas.config}";
    }

    /** The broker's listener, TLS and authorizer settings, for its properties file. */
    Map<String, String> brokerProperties(int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SSL");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl." + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", jaasConfig(BROKER));
        // SCRAM credentials live in the metadata log, which the controllers need first: they authenticate one
        // another, and the broker, by certificate.
        p.put("listener.name.controller.ssl.client.auth", "required");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", keystore().toString());
        p.put("ssl.keystore.password", storePassword);
        p.put("ssl.key.password", storePassword);
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", truststore().toString());
        p.put("ssl.truststore.password", storePassword);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + BROKER + ";User:" + ADMIN + ";User:" + BROKER_CERT_PRINCIPAL);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The arguments that give the broker's and the admin's SCRAM credentials to {@code kafka-storage format}. */
    List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        for (String principal : List.of(BROKER, ADMIN)) {
            args.add("--add-scram");
            args.add(MECHANISM + "=[name=" + principal + ",password=" + passwords.get(principal) + "]");
        }
        return args;
    }

    /** Creates the SCRAM credentials of {@link #principals()}, as the admin. */
    void createPrincipals(Admin admin) {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (String principal : principals()) {
            users.add(new UserScramCredentialUpsertion(
                    principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), passwords.get(principal)));
        }
        try {
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the SCRAM principals " + principals(), e);
        }
    }

    /**
     * Writes {@code principal}'s client settings to an owner-only properties file in the security folder, for the
     * Kafka command-line tools ({@code --command-config}, {@code --consumer.config}); returns the file.
     */
    public Path writeClientProperties(String principal) {
        Properties properties = new Properties();
        clientConfig(principal).forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        Path file = dir.resolve(principal + "-client.properties");
        writeOwnerOnly(file, properties, "Kafka client settings of " + principal);
        return file;
    }

    /** Client settings for a client in this JVM (tests, the harness) logging in as {@code principal}. */
    public Map<String, Object> clientConfig(String principal) {
        Map<String, Object> c = new LinkedHashMap<>(transport());
        c.put("ssl.truststore.password", storePassword);
        c.put("sasl.jaas.config", jaasConfig(principal));
        return c;
    }

    /**
     * Settings for a Connect worker logging in as {@code principal}, secrets as config provider references. Its
     * connectors' clients get the transport but no login: each connector names its own principal through
     * {@code producer.override.}, {@code consumer.override.} and {@code admin.override.sasl.jaas.config}, which
     * the {@code Principal} override policy allows and nothing else; a connector that names none cannot connect.
     * Sinks read committed records only, since the exactly-once source writes in transactions.
     */
    public Map<String, String> workerConfig(String principal) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("config.providers", "file");
        c.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        c.put("config.providers.file.param.allowed.paths", dir.toString());
        String trustPassword = "${file:" + secretsFile() + ":truststore.password}";
        for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
            transport().forEach((key, value) -> c.put(prefix + key, value));
            c.put(prefix + "ssl.truststore.password", trustPassword);
        }
        c.put("sasl.jaas.config", jaasConfigReference(principal));
        c.put("connector.client.config.override.policy", "Principal");
        c.put("consumer.isolation.level", "read_committed");
        return c;
    }

    private Map<String, String> transport() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("security.protocol", "SASL_SSL");
        c.put("sasl.mechanism", MECHANISM);
        c.put("ssl.truststore.type", "PKCS12");
        c.put("ssl.truststore.location", truststore().toString());
        return c;
    }

    private String jaasConfig(String principal) {
        requireKnown(principal);
        return SCRAM_LOGIN + " required username=\"" + principal + "\" password=\"" + passwords.get(principal) + "\";";
    }

    private void requireKnown(String principal) {
        if (!passwords.containsKey(principal)) {
            throw new IllegalArgumentException("No principal " + principal + "; known: " + passwords.keySet());
        }
    }

    private void makeStores() {
        Path pem = dir.resolve("broker.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                BROKER_CERT_PRINCIPAL,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore().toString(),
                "-storepass:env",
                STORE_PASSWORD_ENV,
                "-keypass:env",
                STORE_PASSWORD_ENV);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "broker",
                "-keystore",
                keystore().toString(),
                "-storepass:env",
                STORE_PASSWORD_ENV,
                "-file",
                pem.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                pem.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                truststore().toString(),
                "-storepass:env",
                STORE_PASSWORD_ENV);
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path output = dir.resolve("keytool.log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().put(STORE_PASSWORD_ENV, storePassword);
            Process process = builder.start();
            if (!process.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeSecretsFile() {
        Properties secrets = new Properties();
        secrets.setProperty("truststore.password", storePassword);
        passwords.keySet().forEach(p -> secrets.setProperty(p + ".sasl.jaas.config", jaasConfig(p)));
        writeOwnerOnly(secretsFile(), secrets, "Kafka logins, read by Connect's FileConfigProvider");
    }

    private static void writeOwnerOnly(Path file, Properties properties, String comment) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, comment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
