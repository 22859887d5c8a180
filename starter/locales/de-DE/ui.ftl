# Labels of the product's user interface, as terms: articles refer to them
# (`{ -ui-suspend }`) so every article uses the label the product shows.

-ui-subscriptions = Abonnements
-ui-suspend = Anhalten
