package dev.figmascim.bridge.source.declared;

import dev.figmascim.bridge.model.OrgSettingKey;
import dev.figmascim.bridge.model.Source;
import dev.figmascim.bridge.reconcile.Incoming;
import dev.figmascim.bridge.reconcile.IncomingMember;
import dev.figmascim.bridge.reconcile.IncomingSetting;
import dev.figmascim.bridge.reconcile.OrgSettings;
import dev.figmascim.bridge.reconcile.Snapshot;
import dev.figmascim.bridge.reconcile.SnapshotRejected;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The declared-settings file ({@code bridge.org-settings-file}, env {@code BRIDGE_ORG_SETTINGS_FILE}) as a
 * snapshot of source DECLARED. A Java properties file (UTF-8):
 * <pre>
 * sso-mode = saml_required              # none | google_required | saml_required
 * mfa-required = true                   # true | false
 * verified-domains = example.com, example.org
 * domain-capture = false                # true | false
 * guest-invite-policy = admins_only     # free text, kept lower-cased
 * confirmed-at = 2026-11-01T00:00:00Z   # optional: when these were true (default: the file's last change)
 * mfa-required.confirmed-at = 2026-11-20T09:00:00Z   # optional, per setting
 * </pre>
 * A setting left out stays as the store has it. Unknown keys and bad values reject the whole file, naming each
 * problem, before anything is written. Each value carries its confirmation time; the engine applies it only when
 * that is newer than what the store holds (so an admin's stale file never overrides what Figma said since).
 */
public final class DeclaredSettings implements Snapshot {

    static final Map<String, OrgSettingKey> KEYS = Map.of(
            "sso-mode", OrgSettingKey.SSO_MODE,
            "mfa-required", OrgSettingKey.MFA_REQUIRED,
            "verified-domains", OrgSettingKey.VERIFIED_DOMAINS,
            "domain-capture", OrgSettingKey.DOMAIN_CAPTURE,
            "guest-invite-policy", OrgSettingKey.GUEST_INVITE_POLICY);
    private static final String CONFIRMED_AT = "confirmed-at";
    private static final Set<String> SSO_MODES = Set.of(OrgSettings.SSO_NONE, OrgSettings.SSO_GOOGLE, OrgSettings.SSO_SAML);
    private static final Set<String> BOOLEANS = Set.of(OrgSettings.TRUE, OrgSettings.FALSE);

    private final Path file;
    private final List<IncomingSetting> settings;

    private DeclaredSettings(Path file, List<IncomingSetting> settings) {
        this.file = file;
        this.settings = List.copyOf(settings);
    }

    /**
     * Reads and checks the file.
     *
     * @throws SnapshotRejected every problem found ({@code file: key: reason})
     */
    public static DeclaredSettings read(Path file) {
        Properties props = new Properties();
        Instant modified;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new SnapshotRejected(file + ": cannot read the declared settings", List.of(file + ": " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Instant defaultTime = time(props, CONFIRMED_AT, modified, file, problems);
        Map<OrgSettingKey, IncomingSetting> out = new EnumMap<>(OrgSettingKey.class);
        for (String name : new TreeSet<>(props.stringPropertyNames())) {
            String base = name.endsWith("." + CONFIRMED_AT) ? name.substring(0, name.length() - CONFIRMED_AT.length() - 1) : name;
            if (!name.equals(CONFIRMED_AT) && !KEYS.containsKey(base)) {
                problems.add(file + ": " + name + ": unknown setting (known: " + String.join(", ", new TreeSet<>(KEYS.keySet()))
                        + ", " + CONFIRMED_AT + ")");
            }
        }
        for (Map.Entry<String, OrgSettingKey> e : KEYS.entrySet()) {
            String raw = props.getProperty(e.getKey());
            if (raw == null) {
                continue;
            }
            String value = value(e.getValue(), raw.trim());
            if (value == null) {
                problems.add(file + ": " + e.getKey() + ": '" + raw.trim() + "' is not " + expected(e.getValue()));
                continue;
            }
            Instant at = time(props, e.getKey() + "." + CONFIRMED_AT, defaultTime, file, problems);
            out.put(e.getValue(), IncomingSetting.set(e.getValue(), value, at));
        }
        if (!problems.isEmpty()) {
            throw new SnapshotRejected(file + " rejected: " + problems.size() + " problem(s), nothing was changed", problems);
        }
        return new DeclaredSettings(file, new ArrayList<>(out.values()));
    }

    private static String value(OrgSettingKey key, String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return switch (key) {
            case SSO_MODE -> SSO_MODES.contains(lower) ? lower : null;
            case MFA_REQUIRED, DOMAIN_CAPTURE -> BOOLEANS.contains(lower) ? lower : null;
            case VERIFIED_DOMAINS -> domains(lower);
            case GUEST_INVITE_POLICY -> lower.isEmpty() || lower.equals(OrgSettings.UNKNOWN) ? null : lower;
        };
    }

    /** The store's form of a domain list: lower-cased, sorted, comma-separated; null when a domain is not one. */
    private static String domains(String raw) {
        TreeSet<String> set = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        boolean valid = set.stream().allMatch(d -> d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+"));
        return valid ? String.join(",", set) : null;
    }

    private static String expected(OrgSettingKey key) {
        return switch (key) {
            case SSO_MODE -> "one of " + String.join(", ", new TreeSet<>(SSO_MODES));
            case MFA_REQUIRED, DOMAIN_CAPTURE -> "true or false";
            case VERIFIED_DOMAINS -> "a comma-separated list of domain names";
            case GUEST_INVITE_POLICY -> "a policy name";
        };
    }

    private static Instant time(Properties props, String key, Instant fallback, Path file, List<String> problems) {
        String raw = props.getProperty(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            problems.add(file + ": " + key + ": '" + raw.trim() + "' is not an ISO-8601 instant like 2026-11-01T00:00:00Z");
            return fallback;
        }
    }

    /** The settings the file declares, each with its confirmation time. */
    public List<IncomingSetting> settings() {
        return settings;
    }

    @Override
    public Source source() {
        return Source.DECLARED;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    /** The file declares no members. */
    @Override
    public void forEach(Consumer<IncomingMember> sink) {
        // nothing: settings only
    }

    @Override
    public void forEachIncoming(Consumer<? super Incoming> sink) {
        settings.forEach(sink);
    }
}
