# METADATA
# title: Contract-suite extension
# description: >-
#   Two rules the default library has no input for, so that the contract
#   suite reaches every effect and the fail-closed path: a review for legal
#   advice, and an evaluation error on purpose. The suite's servers load
#   the default library with this file added (see ../README.md); it is a
#   test fixture, not a policy to ship.
package parapet.ext.contract

# Hold legal advice for a person before it goes to any model.
review contains {
	"id": "contract.legal_advice_review",
	"effect": "review",
	"message": "legal advice is held for review by a person",
	"severity": "medium",
	"controls": ["NIST-AI-600-1:human-ai-configuration"],
	"evidence": [],
} if {
	input.purpose == "legal-advice"
}

# A complete rule with two values for the same input is an evaluation
# error (eval_conflict_error): the engine must answer with a fail-closed
# deny, and every SDK must surface fail_closed.
deny contains {
	"id": "contract.unreachable",
	"effect": "deny",
	"message": "never produced: evaluating it fails",
	"severity": "low",
	"controls": [],
	"evidence": [],
} if {
	input.purpose == "contract-eval-error"
	conflict == 0
}

conflict := 1 if input.purpose == "contract-eval-error"

conflict := 2 if input.purpose == "contract-eval-error"
