"""The warehouse desk: scanning out and in."""
