"""Domain components: each module holds a plain, tested function and a thin spaCy component around it."""
