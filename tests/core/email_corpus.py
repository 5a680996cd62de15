"""Addresses every part of Workings must agree on (sign-up, sign-in, invitations, the API)."""

VALID = [
    "plain@example.org",
    "first.last+tag@example.co.uk",
    "jöran@example.de",
    "用户@例子.广告",
    "zoë@exämple.org",
    "δοκιμή@παράδειγμα.δοκιμή",
    "o'neill@example.ie",
    "user@xn--bcher-kva.example",
]

INVALID = [
    "",
    "plain",
    "@example.org",
    "someone@",
    "two@@example.org",
    "space in@example.org",
    "someone@example..org",
    "line\nbreak@example.org",
    "nul\x00@example.org",
    "half\ud800@example.org",
    "x" * 300 + "@example.org",
]
