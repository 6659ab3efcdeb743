import os
import sys

# Test the source tree unless PARAPET_TEST_INSTALLED is set (then the
# installed package, e.g. from the wheel, is imported).
if not os.environ.get("PARAPET_TEST_INSTALLED"):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src"))
