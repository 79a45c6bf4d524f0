package com.planledger.app;

import java.util.List;
import java.util.Map;

import static com.planledger.app.Api.json;

/** Request bodies of plans for the end-to-end tests and benchmarks. */
public final class TestPlans {

    private TestPlans() {
    }

    public static Map<String, Object> limits(Object teamMembers) {
        return json("messages", 10000, "whatsappConversations", 1000, "teamMembers", teamMembers,
                "workspaces", 2, "teamUsersPerWorkspace", 5, "contacts", "UNLIMITED");
    }

    /** A create body: INR, monthly {@code monthly} and yearly 4990, 14 trial days, 7 grace days, one add-on. */
    public static Map<String, Object> plan(String id, String name, String monthly) {
        return json("planId", id, "type", "USAGE_BASED", "name", name, "displayName", name.toUpperCase(),
                "currency", "INR", "prices", json("MONTHLY", monthly, "YEARLY", "4990"),
                "tax", json("enabled", true), "limits", limits(5), "trialDays", 14, "gracePeriodDays", 7,
                "integrations", List.of("zapier"),
                "addOns", List.of(json("code", "EXTRA_MSGS", "displayName", "Extra messages",
                        "prices", json("MONTHLY", "99"), "grants", json("messages", 5000))));
    }

    /** A revise body: the same terms with another monthly price and team-member limit. */
    public static Map<String, Object> revision(String name, String monthly, Object teamMembers) {
        Map<String, Object> body = plan(null, name, monthly);
        body.remove("planId");
        body.remove("type");
        body.put("limits", limits(teamMembers));
        return body;
    }
}
