"""Extractors: turn a document's prose into dates, titled mentions and attributions."""
