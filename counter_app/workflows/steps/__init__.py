"""The steps the businesses are made of."""
