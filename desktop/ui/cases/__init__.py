"""The case register kept day to day: the list, a case in detail, its form and event fixes,
opinion requests and directives (the page and the small register forms)."""
