"""Running Workings on more than one machine: the outgoing-mail queue the worker delivers,
the periodic jobs the workers share through a lease row, the worker itself, and
`workings backup` / `workings restore`. See docs/decisions/deployment.md."""
