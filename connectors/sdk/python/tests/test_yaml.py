import unittest

from ._yaml import YAMLError, load


class YAMLTest(unittest.TestCase):
    def test_subset(self):
        doc = load('''# comment
cases:
  - name: a/b   # trailing comment
    n: 42
    f: 1.5
    t: true
    z: null
    q: "tab\\there \\u00e9 # not a comment"
    s: 'it''s'
    flow: {role: user, content: "hi, there", list: [1, two, "3"], empty: {}}
    <EMAIL_1>: EMAIL
    folded: >-
      one
      two

      three
    literal: |
      line 1
        line 2
    seq:
    - x
    - - nested
    items:
      - k: v
        k2: v2
      -
        k3: v3
  - name: second
''')
        c = doc["cases"][0]
        self.assertEqual(c["name"], "a/b")
        self.assertEqual((c["n"], c["f"], c["t"], c["z"]), (42, 1.5, True, None))
        self.assertEqual(c["q"], "tab\there é # not a comment")
        self.assertEqual(c["s"], "it's")
        self.assertEqual(c["flow"], {"role": "user", "content": "hi, there", "list": [1, "two", "3"], "empty": {}})
        self.assertEqual(c["<EMAIL_1>"], "EMAIL")
        self.assertEqual(c["folded"], "one two\nthree")
        self.assertEqual(c["literal"], "line 1\n  line 2\n")
        self.assertEqual(c["seq"], ["x", ["nested"]])
        self.assertEqual(c["items"], [{"k": "v", "k2": "v2"}, {"k3": "v3"}])
        self.assertEqual(doc["cases"][1], {"name": "second"})

    def test_refuses_what_it_does_not_read(self):
        for bad in ["a: &x 1", "a: *x", "a: !!str 1", "a: 1\n---\nb: 2", "a: 1\na: 2", "a: [1, 2"]:
            with self.subTest(bad), self.assertRaises((YAMLError, IndexError)):
                load(bad)


if __name__ == "__main__":
    unittest.main()
