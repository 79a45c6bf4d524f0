package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs every {@code curl} command of {@code docs/audit-guide.md} (its {@code sh} blocks) against the service, with
 * the guide's variables set to a scripted scenario, and checks the answers say what the guide says they do. The
 * commands are read by a small interpreter of the curl options the guide uses ({@code -s -X -H -d}); a pipe into
 * another tool is left to the reader.
 */
class AuditGuideTest extends EndToEndTest {

    private static final Path GUIDE = Path.of("..", "docs", "audit-guide.md");

    @Test
    void every_curl_example_of_the_audit_guide_works_and_answers_as_described() throws Exception {
        Instant from = Instant.now();
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        admin.post(plans, TestPlans.plan("silver", "silver", "299"));
        admin.post(customers, json("customerId", "acme", "companyName", "Acme", "email", "ops@acme.example",
                "planId", "gold", "billingCycle", "MONTHLY"));
        Instant onGold = Instant.now();
        await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ofMillis(5)).until(() ->
                Instant.now().isAfter(onGold));
        admin.put(plans + "/gold", TestPlans.revision("gold", "549", 8));
        admin.post(customers + "/acme/plan", json("planId", "silver", "billingCycle", "MONTHLY"));
        admin.post(customers + "/acme/block?consistency=wait", json("note", "chargeback"));
        Instant to = Instant.now();

        Map<String, String> variables = new HashMap<>();
        variables.put("BASE", "http://127.0.0.1:" + port);
        variables.put("KEY", AUDITOR_KEY);
        variables.put("PARTNER", partner);
        variables.put("CUSTOMER", "acme");
        variables.put("PLAN", "gold");
        variables.put("DATE", onGold.toString());
        variables.put("FROM", from.toString());
        variables.put("TO", to.toString());

        List<String> commands = curlCommands(Files.readString(GUIDE));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
        for (String command : commands) {
            Api.Response answer = run(command, variables);
            assertThat(answer.status()).as(command + " -> " + answer).isBetween(200, 299);
            check(command, answer);
        }
    }

    /** What the guide says each answer shows. */
    private static void check(String command, Api.Response answer) {
        if (command.contains("?asOf=") && command.contains("/customers/")) {
            assertThat(answer.at("/subscription/planId")).isEqualTo("gold");
        } else if (command.contains("?asOf=")) {
            assertThat(answer.at("/revision")).isEqualTo("1");
        } else if (command.contains("/customers/$CUSTOMER/history")) {
            assertThat(answer.body().at("/items").findValuesAsText("type")).contains("CustomerPlanChangedEvent");
        } else if (command.contains("/plans/$PLAN/history")) {
            JsonNode revision = answer.body().at("/items/1");
            assertThat(revision.at("/type").asText()).isEqualTo("PlanRevisedEvent");
            assertThat(revision.at("/actor").asText()).isEqualTo("api-key:ops-1");
            assertThat(revision.at("/changes").findValuesAsText("field")).contains("prices.MONTHLY");
        } else if (command.contains("/events?type=")) {
            List<JsonNode> lines = answer.lines();
            assertThat(lines).extracting(l -> l.at("/type").asText()).containsExactly("CustomerBlockedEvent");
        } else if (command.contains("/events?")) {
            List<JsonNode> lines = answer.lines();
            assertThat(lines).hasSize(7);
            assertThat(lines).allSatisfy(l -> assertThat(l.at("/actor").asText()).isEqualTo("api-key:ops-1"));
        } else if (command.endsWith("/customers/$CUSTOMER\"")) {
            assertThat(answer.at("/blocks/0/reason")).isEqualTo("MANUAL");
            assertThat(answer.at("/blocks/0/by")).isEqualTo("api-key:ops-1");
        } else {
            throw new AssertionError("the guide has a command this test does not check: " + command);
        }
    }

    /** The curl commands of the {@code sh} blocks, continuation lines joined. */
    static List<String> curlCommands(String markdown) {
        List<String> commands = new ArrayList<>();
        Matcher blocks = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (blocks.find()) {
            for (String command : blocks.group(1).replace("\\\n", " ").split("\n")) {
                if (command.strip().startsWith("curl ")) {
                    commands.add(command.strip());
                }
            }
        }
        return commands;
    }

    /** Runs one curl command of the guide: -s, -X, -H and -d, variables expanded, a trailing pipe ignored. */
    private Api.Response run(String command, Map<String, String> variables) {
        List<String> words = shellWords(command, variables);
        String method = "GET";
        String url = null;
        String data = null;
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s", "-S", "-sS", "-f" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":", 2);
                    headers.put(header[0].strip(), header[1].strip());
                }
                case "-d", "--data" -> data = words.get(++i);
                default -> {
                    if (word.startsWith("-")) {
                        throw new AssertionError("the guide uses a curl option this test does not know: " + word);
                    }
                    url = word;
                }
            }
        }
        assertThat(url).as(command).startsWith(variables.get("BASE"));
        assertThat(headers.get("Authorization")).as(command).startsWith("Bearer ");
        Api api = Api.at(port, headers.remove("Authorization").substring(7));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            api = api.with(header.getKey(), header.getValue());
        }
        return api.send(method, url.substring(variables.get("BASE").length()), data);
    }

    /** Splits a command as a shell would: quotes, $VAR and ${VAR}, stopping at an unquoted pipe. */
    static List<String> shellWords(String command, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '|') {
                break;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                word.append(command, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = command.indexOf('"', i + 1);
                word.append(expand(command.substring(i + 1, end), variables));
                i = end;
            } else if (c == '$') {
                Matcher name = Pattern.compile("\\$\\{?([A-Z_]+)}?").matcher(command);
                name.find(i);
                word.append(expand(name.group(), variables));
                i = name.end() - 1;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static String expand(String text, Map<String, String> variables) {
        Matcher var = Pattern.compile("\\$\\{?([A-Z_]+)}?").matcher(text);
        StringBuilder out = new StringBuilder();
        while (var.find()) {
            String value = variables.get(var.group(1));
            if (value == null) {
                throw new AssertionError("the guide uses an unknown variable $" + var.group(1));
            }
            var.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        var.appendTail(out);
        return out.toString();
    }
}
