"""The reference server: a stateful local stand-in for the Telnyx Call Control API."""
