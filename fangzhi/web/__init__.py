"""The web app and the HTTP API: thin views over fangzhi.query, every HTML page with a JSON twin."""
