package com.planledger.command.web;

import com.planledger.command.lookup.LookupConflicts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The command-side lookups for operators (ADMIN keys only). */
@RestController
@RequestMapping("/v1/admin/lookups")
@Tag(name = "Admin")
public class LookupAdminController {

    private final LookupConflicts conflicts;

    public LookupAdminController(LookupConflicts conflicts) {
        this.conflicts = conflicts;
    }

    @GetMapping("/conflicts")
    @Operation(summary = "Stored events found breaking a set rule when the lookups were rebuilt (the lookup kept "
            + "the first owner)")
    public List<LookupConflicts.Conflict> conflicts() {
        return conflicts.list();
    }
}
