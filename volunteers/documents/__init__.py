"""Documents of the Act's art. 44–46: the volunteer agreement and the certificate of hours.

One place for the feature: what goes into the PDFs (pdfs), the volunteer's downloads and
own-data pages (views), the coordinators' downloads in the admin (admin). Preparing and
signing an agreement are state transitions and live in services.documents.
"""
