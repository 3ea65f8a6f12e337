"""The NGO side of open calls: organisations (`organisations`), writing offers (`offers`),
attachments and submission (`submission`). Staff screens live in the Wagtail admin."""
