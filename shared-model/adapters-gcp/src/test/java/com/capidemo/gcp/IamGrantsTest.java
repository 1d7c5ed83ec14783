package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Google call each service makes is allowed by the roles infra/iam.tf grants that service's account. Three tables
 * in test resources (iam/): which adapter methods each service calls and through which of its classes
 * (service-calls.tsv), which permissions each adapter method's Google calls need (google-calls.tsv), and which of
 * those permissions each predefined role holds (role-permissions.tsv). infra/iam.tf is parsed for the project-level
 * grants, the resource-level grants to each runtime account and the permissions of its custom roles. The tables are
 * kept honest too: every adapter method exists, and every service really goes through the class the table names.
 */
class IamGrantsTest {

    private static final Path IAM_TF = Path.of("../../infra/iam.tf");
    private static final Map<String, String> SERVICE_KEYS = Map.of(
            "api-service",
            "api",
            "quick-provisioner",
            "quick",
            "custom-provisioner",
            "custom",
            "lifecycle-service",
            "lifecycle");

    record Call(String service, String via, String adapter, String method) {}

    @Test
    void everyGoogleCallOfEveryServiceIsCoveredByTheRolesIamTfGrantsIt() throws IOException {
        Map<String, Set<String>> needs = googleCalls();
        Map<String, Set<String>> roles = rolePermissions();
        String tf = Files.readString(IAM_TF);
        roles.putAll(customRoles(tf));
        Map<String, Set<String>> granted = grantedRoles(tf);

        List<String> missing = new ArrayList<>();
        for (Call call : serviceCalls()) {
            String svc = SERVICE_KEYS.get(call.service());
            Set<String> have = new HashSet<>();
            for (String role : granted.getOrDefault(svc, Set.of())) {
                assertThat(roles)
                        .as("permissions of %s (granted to %s) in role-permissions.tsv", role, svc)
                        .containsKey(role);
                have.addAll(roles.get(role));
            }
            Set<String> need = needs.get(call.adapter() + "#" + call.method());
            assertThat(need)
                    .as("google-calls.tsv row for %s#%s", call.adapter(), call.method())
                    .isNotNull();
            for (String permission : need) {
                if (!have.contains(permission)) {
                    missing.add(call.service() + " (" + call.via() + " → " + call.adapter() + "#" + call.method()
                            + ") needs " + permission + "; iam.tf grants it " + granted.getOrDefault(svc, Set.of()));
                }
            }
        }
        assertThat(missing)
                .as("permissions the services' Google calls need but infra/iam.tf does not grant")
                .isEmpty();
    }

    @Test
    void everyAdapterMethodInTheTableExists() throws Exception {
        for (String key : googleCalls().keySet()) {
            String[] parts = key.split("#");
            Class<?> adapter = Class.forName("com.capidemo.gcp." + parts[0]);
            assertThat(Arrays.stream(adapter.getMethods())
                            .filter(m -> !Modifier.isStatic(m.getModifiers()))
                            .map(Method::getName))
                    .as("public method %s", key)
                    .contains(parts[1]);
        }
    }

    @Test
    void everyServiceGoesThroughTheClassItsRowsName() throws IOException {
        Map<String, String> sources = new HashMap<>();
        for (Call call : serviceCalls()) {
            String code = sources.computeIfAbsent(call.service(), IamGrantsTest::sourceOf);
            assertThat(Pattern.compile("\\b" + call.via() + "\\b").matcher(code).find())
                    .as("%s's src/main/java uses %s", call.service(), call.via())
                    .isTrue();
        }
    }

    @Test
    void deletingADemoFromApiServiceIsAllowedWithExactlyTheDeletionPermissions() throws IOException {
        String tf = Files.readString(IAM_TF);
        Map<String, Set<String>> custom = customRoles(tf);
        String deleter = custom.keySet().stream()
                .filter(r -> r.endsWith("/capiDemoDeleter"))
                .findFirst()
                .orElseThrow();
        assertThat(grantedRoles(tf).get("api"))
                .contains(deleter)
                .doesNotContain("roles/bigquery.dataOwner", "roles/geminidataanalytics.dataAgentOwner");
        Set<String> needed = new TreeSet<>();
        needed.addAll(googleCalls().get("BigQueryWarehouse#dropDataset"));
        needed.addAll(googleCalls().get("CapiDataAgents#deleteAgent"));
        assertThat(custom.get(deleter)).containsExactlyInAnyOrderElementsOf(needed);
    }

    @Test
    void editingATalkTrackFromApiServiceIsAllowedWithExactlyTheAgentUpdatePermissions() throws IOException {
        String tf = Files.readString(IAM_TF);
        Map<String, Set<String>> custom = customRoles(tf);
        String editor = custom.keySet().stream()
                .filter(r -> r.endsWith("/capiTalkTrackEditor"))
                .findFirst()
                .orElseThrow();
        assertThat(grantedRoles(tf).get("api"))
                .contains(editor)
                .doesNotContain("roles/geminidataanalytics.dataAgentOwner");
        assertThat(custom.get(editor))
                .containsExactlyInAnyOrderElementsOf(googleCalls().get("CapiDataAgents#updateContext"));
        assertThat(serviceCalls())
                .contains(new Call("api-service", "TalkTrackService", "CapiDataAgents", "updateContext"))
                .noneMatch(c -> c.via().equals("TalkTrackService") && c.method().equals("createAgent"));
    }

    // ----- the tables

    private static List<String[]> rows(String name) {
        try (InputStream in = IamGrantsTest.class.getResourceAsStream("/iam/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Set<String>> googleCalls() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String[] r : rows("google-calls.tsv")) {
            out.put(r[0] + "#" + r[1], Set.of(r[2].split(",")));
        }
        return out;
    }

    private static Map<String, Set<String>> rolePermissions() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String[] r : rows("role-permissions.tsv")) {
            out.put(r[0], Set.of(r[1].split(",")));
        }
        return out;
    }

    private static List<Call> serviceCalls() {
        return rows("service-calls.tsv").stream()
                .map(r -> new Call(r[0], r[1], r[2], r[3]))
                .toList();
    }

    private static String sourceOf(String service) {
        try (Stream<Path> files = Files.walk(Path.of("../..", service, "src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(p)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ----- infra/iam.tf

    /** Roles per runtime account (api, quick, custom, lifecycle): project grants and resource-level grants. */
    static Map<String, Set<String>> grantedRoles(String tf) {
        Map<String, Set<String>> out = new HashMap<>();
        int start = tf.indexOf("project_grants = {");
        assertThat(start).as("project_grants in iam.tf").isPositive();
        String svc = null;
        for (String line : tf.substring(start).lines().skip(1).toList()) {
            Matcher open = Pattern.compile("^ {4}(\\w+) = \\{").matcher(line);
            if (open.find()) {
                svc = open.group(1);
                continue;
            }
            if (line.matches("^ {2}\\}.*")) {
                break;
            }
            Matcher role = Pattern.compile("^ {6}\\(?\"([^\"]+)\"\\)?\\s*=").matcher(line);
            if (svc != null && role.find()) {
                out.computeIfAbsent(svc, k -> new TreeSet<>())
                        .add(role.group(1).replace("${var.project_id}", "PROJECT"));
            }
        }
        // resource-level grants: a resource block with a role and a runtime["svc"] member
        Matcher block = Pattern.compile("(?ms)^resource \"[^\"]+\" \"[^\"]+\" \\{(.*?)^\\}")
                .matcher(tf);
        while (block.find()) {
            String body = block.group(1);
            Matcher member = Pattern.compile("member\\s*=\\s*\"serviceAccount:\\$\\{google_service_account\\.runtime"
                            + "\\[\"(\\w+)\"\\]\\.email\\}\"")
                    .matcher(body);
            Matcher roleLine = Pattern.compile("(?m)^\\s*role\\s*=\\s*(.+)$").matcher(body);
            if (member.find() && roleLine.find()) {
                List<String> alternatives = new ArrayList<>();
                Matcher r = Pattern.compile("\"(roles/[^\"]+)\"").matcher(roleLine.group(1));
                while (r.find()) {
                    alternatives.add(r.group(1));
                }
                // a role chosen by a variable counts only as its weakest alternative (the last one written)
                if (!alternatives.isEmpty()) {
                    out.computeIfAbsent(member.group(1), k -> new TreeSet<>())
                            .add(alternatives.get(alternatives.size() - 1));
                }
            }
        }
        return out;
    }

    /** The custom roles iam.tf defines, by the name a grant uses (projects/PROJECT/roles/{role_id}). */
    static Map<String, Set<String>> customRoles(String tf) {
        Map<String, Set<String>> out = new HashMap<>();
        Matcher block = Pattern.compile("(?ms)^resource \"google_project_iam_custom_role\" \"[^\"]+\" \\{(.*?)^\\}")
                .matcher(tf);
        while (block.find()) {
            String body = block.group(1);
            Matcher id = Pattern.compile("role_id\\s*=\\s*\"([^\"]+)\"").matcher(body);
            Matcher perms =
                    Pattern.compile("(?s)permissions\\s*=\\s*\\[(.*?)\\]").matcher(body);
            assertThat(id.find() && perms.find())
                    .as("custom role with role_id and permissions")
                    .isTrue();
            Set<String> permissions = new TreeSet<>();
            Matcher p = Pattern.compile("\"([^\"]+)\"").matcher(perms.group(1));
            while (p.find()) {
                permissions.add(p.group(1));
            }
            out.put("projects/PROJECT/roles/" + id.group(1), permissions);
        }
        return out;
    }
}
