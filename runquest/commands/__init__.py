"""Commands: an imperative dataclass and one handler each; handlers load, decide and save."""
