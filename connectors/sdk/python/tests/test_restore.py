import unittest

import parapet


def decision(messages, evidence, placeholders):
    return parapet.Decision.from_dict({
        "decision_id": "x", "effect": "redact", "allow": True,
        "reasons": [{"id": "r", "effect": "redact", "evidence": evidence}],
        "messages": messages, "obligations": {"restore": True, "placeholders": placeholders}})


class RestoreTest(unittest.TestCase):
    def test_code_points_and_repeats(self):
        text = "Héllo 👋 to a@b.io and again a@b.io"
        req = parapet.Request(messages=[parapet.Message("user", text)])
        d = decision([{"role": "user", "content": "Héllo 👋 to <EMAIL_ADDRESS_1> and again <EMAIL_ADDRESS_1>"}],
                     [{"field": "messages[0].content", "start": 11, "end": 17, "type": "EMAIL_ADDRESS"},
                      {"field": "messages[0].content", "start": 28, "end": 34, "type": "EMAIL_ADDRESS"}],
                     {"<EMAIL_ADDRESS_1>": "EMAIL_ADDRESS"})
        ph = parapet.placeholders(req, d)
        self.assertEqual(ph, {"<EMAIL_ADDRESS_1>": "a@b.io"})
        self.assertEqual(parapet.restore(d.messages[0].content, ph), text)

    def test_overlapping_spans_merge(self):
        text = "Visit Jane Doe at 1 Main St"
        req = parapet.Request(messages=[parapet.Message("user", text)])
        d = decision([{"role": "user", "content": "Visit <PERSON_1> at <STREET_ADDRESS_1>"}],
                     [{"field": "messages[0].content", "start": 6, "end": 14, "type": "PERSON"},
                      {"field": "messages[0].content", "start": 18, "end": 27, "type": "STREET_ADDRESS"},
                      {"field": "messages[0].content", "start": 20, "end": 24, "type": "PERSON"}],
                     {"<PERSON_1>": "PERSON", "<STREET_ADDRESS_1>": "STREET_ADDRESS"})
        self.assertEqual(parapet.placeholders(req, d), {"<PERSON_1>": "Jane Doe", "<STREET_ADDRESS_1>": "1 Main St"})

    def test_mismatch_gives_nothing(self):
        req = parapet.Request(messages=[parapet.Message("user", "mail bob@example.com now")])
        d = decision([{"role": "user", "content": "mail <EMAIL_ADDRESS_1> later"}],
                     [{"field": "messages[0].content", "start": 5, "end": 20, "type": "EMAIL_ADDRESS"}],
                     {"<EMAIL_ADDRESS_1>": "EMAIL_ADDRESS"})
        self.assertEqual(parapet.placeholders(req, d), {})

    def test_restore_leaves_unknown(self):
        self.assertEqual(parapet.restore("<A_1> <B_2> <a_1> <A_1>", {"<A_1>": "x"}), "x <B_2> <a_1> x")
        self.assertEqual(parapet.restore("", {"<A_1>": "x"}), "")


if __name__ == "__main__":
    unittest.main()
