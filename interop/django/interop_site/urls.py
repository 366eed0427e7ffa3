from django.urls import path

from interop_app import views

urlpatterns = [
    path('session/', views.session),
    path('login/', views.login_view),
    path('logout/', views.logout_view),
    path('whoami/', views.whoami),
    path('messages/', views.messages_view),
    path('csrf/', views.csrf_token),
    path('csrf/protected/', views.csrf_protected),
    path('authenticate/', views.password),
]
