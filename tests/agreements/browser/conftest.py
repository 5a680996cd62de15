# The browser harness's fixtures (demo_site, page_as, new_context, ...), reused here so the
# agreements journey can live with the agreements tests.
from tests.browser.conftest import *  # noqa: F403
