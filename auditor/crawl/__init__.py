"""Deciding which URLs to visit: scope, normalisation, robots.txt, sitemaps, the frontier and its budgets."""
