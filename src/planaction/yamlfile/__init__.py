"""The exact-YAML engine: reading text into data with the span of every node, writing values in a file's
own style, diffing two values and patching a text at the spans that changed. It knows no plan."""
